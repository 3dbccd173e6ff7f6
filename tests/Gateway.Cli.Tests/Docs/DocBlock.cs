using System.Text.RegularExpressions;

namespace FunctionGateway.Cli.Tests.Docs;

/// <summary>
/// A fenced code block of README.md or docs/*.md, with the <c>&lt;!-- doc-json: ... --&gt;</c> marker on the line above
/// it, if any. The marker says what a JSON block is: <c>config NAME</c> (a whole config the examples use by that
/// file name), <c>fragment</c> (part of a config), or <c>not a config: WHAT</c>; a JSON block without one is a whole config.
/// </summary>
public sealed partial record DocBlock(string File, int Line, string Language, string? Marker, string Body)
{
    public const string Fragment = "fragment";
    public const string NotAConfig = "not a config: ";
    public const string Config = "config ";

    public static string RepositoryRoot { get; } = FindRoot();

    public static IReadOnlyList<DocBlock> All { get; } = Read();

    public bool IsConfig => Language == "json" && (Marker is null || Marker.StartsWith(Config, StringComparison.Ordinal));

    /// <summary>The config the docs call <paramref name="name"/> (marker <c>config NAME</c>).</summary>
    public static DocBlock NamedConfig(string name) => Assert.Single(All, b => b.Marker == Config + name);

    /// <summary>The first block of <paramref name="file"/> in <paramref name="language"/> whose body starts with <paramref name="start"/>.</summary>
    public static DocBlock Starting(string file, string language, string start) =>
        All.First(b => b.File == file && b.Language == language && b.Body.StartsWith(start, StringComparison.Ordinal));

    public override string ToString() => $"{File}:{Line}";

    private static List<DocBlock> Read()
    {
        var files = new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md")
            .Select(f => Path.GetRelativePath(RepositoryRoot, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        var blocks = new List<DocBlock>();
        foreach (var file in files)
        {
            var text = System.IO.File.ReadAllText(Path.Combine(RepositoryRoot, file)).ReplaceLineEndings("\n");
            foreach (Match match in Fence().Matches(text))
            {
                var line = text.AsSpan(0, match.Index).Count('\n') + 1;
                var marker = match.Groups["marker"].Success ? match.Groups["marker"].Value.Trim() : null;
                blocks.Add(new DocBlock(file, line, match.Groups["language"].Value, marker, match.Groups["body"].Value));
            }
        }

        return blocks;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "FunctionGateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FunctionGateway.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?:^<!-- doc-json: (?<marker>[^\n]*?) -->\n)?^```(?<language>[a-z]*)\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
