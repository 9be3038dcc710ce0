namespace Breezeblock;

/// <summary>Where configs run (<see cref="ConfigOptions.Isolation"/>).</summary>
public enum ConfigIsolation
{
    /// <summary>In this process: fastest. Guards catch accidents (timeouts, exits, signals), but config code that crashes Python, exits through C or exhausts memory ends the host.</summary>
    InProcess,

    /// <summary>
    /// In a worker process (see <see cref="ConfigWorker"/>), kept warm between evaluations: a crash,
    /// an exit, a memory bomb or code that cannot be stopped ends the worker, is reported as an error,
    /// and the next evaluation gets a new one. Results come back as data.
    /// </summary>
    Process,
}
