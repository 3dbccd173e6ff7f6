using System.Diagnostics;
using System.Globalization;

namespace FunctionGateway.Load.Driver;

/// <summary>
/// A server the driver started. Its output goes to a log file in the run directory; its pid is recorded in
/// <see cref="PidRegistry"/> so that <c>run.sh</c> can stop it even if the driver itself is killed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly PidRegistry _pids;

    private ServerProcess(ServerSpec spec, Process process, PidRegistry pids, long startTimestamp)
    {
        Spec = spec;
        _process = process;
        _pids = pids;
        StartTimestamp = startTimestamp;
    }

    public ServerSpec Spec { get; }

    public int Id => _process.Id;

    public long StartTimestamp { get; }

    public static ServerProcess Start(ServerSpec spec, string logDirectory, PidRegistry pids)
    {
        // 'exec' keeps the pid: the one we read memory from is the server's, not a shell's.
        var log = Path.Combine(logDirectory, $"{spec.Name}.log");
        var cd = spec.WorkingDirectory is null ? "" : $"cd {Quote(spec.WorkingDirectory)} && ";
        var command = cd + "exec " + string.Join(' ', new[] { spec.Program }.Concat(spec.Arguments).Select(Quote)) + $" >{Quote(log)} 2>&1";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        foreach (var name in spec.Unset)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in spec.Environment)
        {
            start.Environment[name] = value;
        }

        var timestamp = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{spec.Name} did not start.");
        pids.Add(process.Id);
        return new ServerProcess(spec, process, pids, timestamp);
    }

    /// <summary>Polls the ready URL until it answers 200; returns the time from start to that answer.</summary>
    public async Task<TimeSpan> WaitReadyAsync(HttpClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Spec.Name} exited with {_process.ExitCode} before answering; see {Spec.Name}.log.");
            }

            if (await ProbeAsync(client, cancellationToken))
            {
                return Stopwatch.GetElapsedTime(StartTimestamp);
            }

            await Task.Delay(2, cancellationToken);
        }

        throw new TimeoutException($"{Spec.Name} did not answer 200 on {Spec.ReadyUrl} within {timeout.TotalSeconds} s; see {Spec.Name}.log.");
    }

    /// <summary>Polls a TCP port until it accepts a connection: for servers that do not speak HTTP (Redis).</summary>
    public async Task WaitListeningAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Spec.Name} exited with {_process.ExitCode} before listening; see {Spec.Name}.log.");
            }

            try
            {
                using var socket = new System.Net.Sockets.TcpClient();
                await socket.ConnectAsync(System.Net.IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (System.Net.Sockets.SocketException)
            {
                await Task.Delay(10, cancellationToken);
            }
        }

        throw new TimeoutException($"{Spec.Name} did not listen on port {port} within {timeout.TotalSeconds} s; see {Spec.Name}.log.");
    }

    /// <summary>Resident memory in MiB: the peak since start (VmHWM) or the current size (VmRSS), over the server and its children (nginx's workers).</summary>
    public double MemoryMib(string field) =>
        new[] { Id }.Concat(Children(Id)).Sum(pid => ReadStatusKiB(pid, field)) / 1024.0;

    /// <summary>
    /// CPU time the server and its children have used so far (user plus system). Per request, it is the figure
    /// least disturbed by other work on the machine: a busy machine lowers throughput but not the cost of a request.
    /// </summary>
    public TimeSpan CpuTime() =>
        TimeSpan.FromSeconds(new[] { Id }.Concat(Children(Id)).Sum(ReadCpuTicks) / (double)ClockTicksPerSecond);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _pids.Remove(_process.Id);
        _process.Dispose();
    }

    private async Task<bool> ProbeAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Spec.ReadyUrl);
        if (Spec.Token is not null)
        {
            request.Headers.Authorization = new("Bearer", Spec.Token);
        }

        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static IEnumerable<int> Children(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path)
            ? File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))
            : [];
    }

    private static long ReadStatusKiB(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(field.Length + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process ended between listing and reading: it holds no memory.
        }

        return 0;
    }

    // USER_HZ, the unit of /proc/<pid>/stat's times: 100 on every Linux architecture .NET runs on.
    private const int ClockTicksPerSecond = 100;

    private static long ReadCpuTicks(int pid)
    {
        try
        {
            // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
