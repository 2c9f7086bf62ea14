using Digest.Functions;

// The Azure Functions custom handler: the Functions host starts this process and POSTs one request per invocation
// to http://127.0.0.1:{FUNCTIONS_CUSTOMHANDLER_PORT}/{FunctionName} (HTTP triggers are forwarded as-is to /api/...).
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls(HandlerServices.ListenUrl(builder.Configuration));
builder.Services.AddDigestHandler(builder.Configuration);

var app = builder.Build();
app.MapDigestFunctions();
app.Run();

/// <summary>Entry point, visible to the in-memory test host.</summary>
public partial class Program;
