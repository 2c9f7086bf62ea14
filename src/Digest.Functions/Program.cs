var builder = WebApplication.CreateSlimBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "Digest custom handler");
app.Run();

/// <summary>Entry point, visible to the in-memory test host.</summary>
public partial class Program;
