using System.Runtime.Versioning;

namespace FunctionGateway.Cli.Tests.Support;

/// <summary>A file that the command under test is refused to open for reading, whoever runs the tests.</summary>
public static class UnreadableFile
{
    [SupportedOSPlatform("linux")]
    public static string In(TempDir dir)
    {
        if (Environment.IsPrivilegedProcess)
        {
            // root opens a file of any mode, but the kernel checks a sysctl's owner bits even for root, and this one is write-only.
            return "/proc/sys/vm/drop_caches";
        }

        var file = dir.Write("unreadable.json", "{}");
        File.SetUnixFileMode(file, UnixFileMode.None);
        return file;
    }
}
