
namespace FunctionGateway.Inspection;

/// <summary>
/// Finds the pairs of routes whose templates some request path matches both, without comparing every route with
/// every other: the templates go into a tree of segments (a literal or a parameter per level), and two subtrees are
/// walked side by side only along segments that can match the same text (the same literal, or a parameter against
/// anything). The work follows the number of pairs found, so thousands of routes that start with a parameter
/// (<c>/{tenant}/...</c>) cost no more than thousands that start with a literal.
/// </summary>
internal static class OverlapSearch
{
    /// <summary>
    /// The pairs of distinct routes whose templates intersect, each pair once, the route of lower index first; at most
    /// <paramref name="limit"/> of them, with <paramref name="complete"/> false when there were more.
    /// </summary>
    /// <remarks>
    /// The limit keeps a config load bounded: 2,000 routes under <c>/{tenant}/...</c> beside 10,000 wildcard routes
    /// are 20 million overlapping pairs, which would take minutes and gigabytes to list.
    /// </remarks>
    public static List<(ConfiguredRoute First, ConfiguredRoute Second)> Pairs(IReadOnlyList<ConfiguredRoute> routes, int limit, out bool complete)
    {
        var root = new Node();
        foreach (var route in routes)
        {
            root.Add(route);
        }

        var pairs = new Found(limit);
        WalkWithin(root, pairs);
        complete = !pairs.Full;
        return pairs.List;
    }

    // Pairs of routes that both lie under one node.
    private static void WalkWithin(Node node, Found pairs)
    {
        if (pairs.Full)
        {
            return;
        }

        for (var i = 0; i < node.Ending.Count; i++)
        {
            for (var j = i + 1; j < node.Ending.Count; j++)
            {
                Add(node.Ending[i], node.Ending[j], pairs);
            }
        }

        // A wildcard whose fixed segments end here matches this path and every longer one below.
        foreach (var wildcard in node.Wildcards)
        {
            foreach (var other in node.All)
            {
                Add(wildcard, other, pairs);
            }
        }

        foreach (var child in node.Literals.Values)
        {
            WalkWithin(child, pairs);
            if (node.Parameter is { } parameter)
            {
                WalkAcross(child, parameter, pairs);
            }
        }

        if (node.Parameter is { } only)
        {
            WalkWithin(only, pairs);
        }
    }

    // Pairs of one route under a and one under b, two different nodes at the same depth whose paths from the root
    // can match the same request path so far.
    private static void WalkAcross(Node a, Node b, Found pairs)
    {
        if (pairs.Full)
        {
            return;
        }

        foreach (var first in a.Ending)
        {
            foreach (var second in b.Ending)
            {
                Add(first, second, pairs);
            }
        }

        foreach (var wildcard in a.Wildcards)
        {
            foreach (var other in b.All)
            {
                Add(wildcard, other, pairs);
            }
        }

        foreach (var wildcard in b.Wildcards)
        {
            foreach (var other in a.All)
            {
                Add(wildcard, other, pairs);
            }
        }

        // The same literal on both sides: look the smaller side's literals up in the larger side's.
        var (fewer, more) = a.Literals.Count <= b.Literals.Count ? (a, b) : (b, a);
        foreach (var (literal, child) in fewer.Literals)
        {
            if (more.Literals.TryGetValue(literal, out var match))
            {
                WalkAcross(child, match, pairs);
            }
        }

        // A parameter on one side meets every literal and the parameter of the other.
        if (a.Parameter is { } aParameter)
        {
            foreach (var child in b.Literals.Values)
            {
                WalkAcross(aParameter, child, pairs);
            }
        }

        if (b.Parameter is { } bParameter)
        {
            foreach (var child in a.Literals.Values)
            {
                WalkAcross(child, bParameter, pairs);
            }

            if (a.Parameter is { } both)
            {
                WalkAcross(both, bParameter, pairs);
            }
        }
    }

    private static void Add(ConfiguredRoute a, ConfiguredRoute b, Found pairs)
    {
        if (!ReferenceEquals(a, b))
        {
            pairs.Add(a.Index < b.Index ? (a, b) : (b, a));
        }
    }

    /// <summary>
    /// The pairs found so far. A pair of wildcard routes is met from both sides, so each pair is kept once, known by
    /// the routes' indexes in the config (unique per route, and cheaper to compare than the routes).
    /// </summary>
    private sealed class Found(int limit)
    {
        private readonly HashSet<(int, int)> _seen = [];

        public List<(ConfiguredRoute First, ConfiguredRoute Second)> List { get; } = [];

        /// <summary>True once a pair beyond the limit was met: the list holds <c>limit</c> pairs, and there are more.</summary>
        public bool Full { get; private set; }

        public void Add((ConfiguredRoute First, ConfiguredRoute Second) pair)
        {
            if (Full || _seen.Contains((pair.First.Index, pair.Second.Index)))
            {
                return;
            }

            if (List.Count == limit)
            {
                Full = true;
                return;
            }

            _seen.Add((pair.First.Index, pair.Second.Index));
            List.Add(pair);
        }
    }

    /// <summary>The routes whose templates share the segments from the root to here.</summary>
    private sealed class Node
    {
        public Dictionary<string, Node> Literals { get; } = new(StringComparer.Ordinal);

        public Node? Parameter { get; private set; }

        /// <summary>Templates without a wildcard that end here.</summary>
        public List<ConfiguredRoute> Ending { get; } = [];

        /// <summary>Wildcard templates whose fixed segments end here.</summary>
        public List<ConfiguredRoute> Wildcards { get; } = [];

        /// <summary>Every template at or below this node.</summary>
        public List<ConfiguredRoute> All { get; } = [];

        public void Add(ConfiguredRoute route)
        {
            var node = this;
            node.All.Add(route);
            foreach (var segment in route.Template.Segments)
            {
                node = segment.IsParameter
                    ? node.Parameter ??= new Node()
                    : node.Literals.TryGetValue(segment.Value, out var child) ? child : node.Literals[segment.Value] = new Node();
                node.All.Add(route);
            }

            (route.Template.HasWildcard ? node.Wildcards : node.Ending).Add(route);
        }
    }
}
