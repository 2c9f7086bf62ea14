using Digest.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The Azure Functions isolated worker: the host (func / Azure) starts this process, reads functions.metadata (generated
// at build from the [Function] attributes under Functions/) and invokes the functions over gRPC; HTTP triggers go
// through the ASP.NET Core integration. Everything Digest registers is in FunctionsServices.AddDigestFunctions.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services.AddDigestFunctions(builder.Configuration);
builder.Build().Run();
