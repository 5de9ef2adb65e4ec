namespace Paradiplomacy.Hosting.Infrastructure;

/// <summary>A program the system needs is not installed; the message says what to install.</summary>
public sealed class MissingBinaryException(string binary, string installHint)
    : Exception($"{binary} was not found: install it with `{installHint}` (or run ./run.sh, which does).");
