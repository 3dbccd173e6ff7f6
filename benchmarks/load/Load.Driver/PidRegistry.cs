using System.Globalization;

namespace FunctionGateway.Load.Driver;

/// <summary>The pids of the servers running now, one a line in a file that <c>run.sh</c>'s exit trap reads.</summary>
internal sealed class PidRegistry(string path)
{
    private readonly HashSet<int> _pids = [];
    private readonly Lock _lock = new();

    public void Add(int pid) => Update(() => _pids.Add(pid));

    public void Remove(int pid) => Update(() => _pids.Remove(pid));

    private void Update(Action change)
    {
        lock (_lock)
        {
            change();
            File.WriteAllLines(path, _pids.Select(p => p.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
