namespace FunctionGateway.Hosting;

/// <summary><c>Gateway:Config:*</c>: where the config comes from (a file or a blob), how often it is polled, how long requests wait for the first load.</summary>
public sealed class GatewayConfigOptions
{
    /// <summary><c>Gateway:Config:Path</c>: a config file; relative to the folder the host names (see <c>GatewayHostOptions</c>).</summary>
    public string? Path { get; set; }

    /// <summary><c>Gateway:Config:BlobUri</c>: an https:// URI of the config blob, with or without a SAS query.</summary>
    public string? BlobUri { get; set; }

    /// <summary><c>Gateway:Config:ConnectionString</c>: a storage connection string, with <see cref="Container"/> and <see cref="Blob"/>.</summary>
    public string? ConnectionString { get; set; }

    public string? Container { get; set; }

    public string? Blob { get; set; }

    /// <summary><c>Gateway:Config:PollSeconds</c>: seconds, above 0 up to 86400 (default 30).</summary>
    public string? PollSeconds { get; set; }

    /// <summary><c>Gateway:Config:StartupWaitSeconds</c>: seconds, from 0 up to 86400 (default 15).</summary>
    public string? StartupWaitSeconds { get; set; }
}
