using System.Text.RegularExpressions;

namespace FunctionGateway.Tests.Architecture;

/// <summary>
/// Which namespace uses which, read from the sources: a file's namespace depends on every namespace of the
/// product it imports with <c>using</c>. <see cref="Cycles"/> returns every group of namespaces that reach each
/// other (the strongly connected components with more than one member, or one that uses itself).
/// </summary>
internal sealed partial class NamespaceGraph
{
    private readonly SortedDictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);

    public IEnumerable<string> Namespaces => _edges.Keys;

    public void Add(string from, string to)
    {
        Node(from).Add(to);
        Node(to);
    }

    public IReadOnlySet<string> DependenciesOf(string name) => _edges.TryGetValue(name, out var to) ? to : new SortedSet<string>();

    /// <summary>Every namespace declared under <paramref name="root"/> and the product namespaces each file imports.</summary>
    public static NamespaceGraph FromSources(string root, string productPrefix)
    {
        var graph = new NamespaceGraph();
        foreach (var file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            if (FileNamespace().Match(text) is not { Success: true } declared || !IsProduct(declared.Groups[1].Value, productPrefix))
            {
                continue;
            }

            var from = declared.Groups[1].Value;
            graph.Node(from);
            foreach (Match used in Using().Matches(text))
            {
                // "using static N.T;" imports a type: the namespace it depends on is N.
                var to = used.Groups[1].Success ? used.Groups[2].Value[..used.Groups[2].Value.LastIndexOf('.')] : used.Groups[2].Value;
                if (to != from && IsProduct(to, productPrefix))
                {
                    graph.Add(from, to);
                }
            }
        }

        return graph;
    }

    /// <summary>Tarjan's algorithm: each cycle once, its members sorted, in a stable order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _edges[node])
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], nextIndex);
                }
            }

            if (low[node] != index[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != node);

            if (component.Count > 1 || _edges[node].Contains(node))
            {
                component.Sort(StringComparer.Ordinal);
                cycles.Add(component);
            }
        }

        foreach (var node in _edges.Keys)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return [.. cycles.OrderBy(c => c[0], StringComparer.Ordinal)];
    }

    /// <summary>The edges inside one cycle, as "A -> B" lines, to say in a failure what to cut.</summary>
    public IEnumerable<string> EdgesWithin(IReadOnlyList<string> cycle) =>
        from a in cycle from b in DependenciesOf(a) where cycle.Contains(b) select $"{a} -> {b}";

    private static bool IsProduct(string name, string prefix) =>
        name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal);

    private SortedSet<string> Node(string name)
    {
        if (!_edges.TryGetValue(name, out var to))
        {
            _edges[name] = to = new SortedSet<string>(StringComparer.Ordinal);
        }

        return to;
    }

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"^using\s+(static\s+)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex Using();
}
