using System.Runtime.InteropServices;

namespace Digest.Embeddings;

/// <summary>
/// ONNX Runtime's usage telemetry, off unless the operator opts in. The Linux build shipped with
/// Microsoft.ML.OnnxRuntime 1.29+ (1.31.1 here) writes a device id and an event database under
/// ~/.cache/Microsoft/DeveloperTools/.onnxruntime/ and uploads events to mobile.events.data.microsoft.com when its
/// environment is created. Checked on 1.31.1 with a fresh HOME (docs/offline.md): only the native environment
/// variable <see cref="Variable"/>=1, set before the runtime's environment exists, prevents both. Neither
/// <c>Environment.SetEnvironmentVariable</c> (on Unix .NET keeps its own copy; the native getenv never sees it) nor
/// <c>OrtEnv.DisableTelemetryEvents()</c> (called after the files are already written) does. So this sets the
/// process's native environment, unless the operator gave a value: <c>ORT_DISABLE_TELEMETRY=0</c> is the
/// documented opt-in.
/// </summary>
public static partial class OnnxRuntimeTelemetry
{
    /// <summary>The variable ONNX Runtime reads ("1" or "true" disables its telemetry).</summary>
    public const string Variable = "ORT_DISABLE_TELEMETRY";

    /// <summary>
    /// Sets <see cref="Variable"/>=1 in the native environment unless it is already set. Call before the first
    /// ONNX Runtime object is created (<see cref="MiniLmEmbedder"/> does, before it loads the model); idempotent.
    /// </summary>
    public static void DisableUnlessOptedIn()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 })
        {
            return; // the operator's choice (the managed copy starts as the native environment)
        }

        Environment.SetEnvironmentVariable(Variable, "1"); // Windows: this is the native environment; elsewhere, child processes
        if (!OperatingSystem.IsWindows() && SetEnv(Variable, "1", overwrite: 1) != 0)
        {
            throw new InvalidOperationException("could not set " + Variable + "=1 in the process environment (setenv failed: " + Marshal.GetLastPInvokeErrorMessage() + ")");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
