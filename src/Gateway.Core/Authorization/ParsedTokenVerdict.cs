namespace FunctionGateway.Authorization;

/// <summary>What <see cref="ParsedTokenValidator"/> makes of a token.</summary>
internal enum ParsedTokenVerdict
{
    /// <summary>The handler would accept it: issuer, audience and signature hold.</summary>
    Accepted,

    /// <summary>Not certain of the handler's answer: ask the handler.</summary>
    Undecided,

    /// <summary>The key its kid names does not verify it (the handler's invalid-signature failure).</summary>
    SignatureMismatch,

    /// <summary>No key was named and none verifies it (the handler's key-not-found failure).</summary>
    NoKeyVerifies,
}
