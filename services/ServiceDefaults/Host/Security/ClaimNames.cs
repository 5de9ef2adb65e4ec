namespace Paradiplomacy.HostDefaults.Security;

/// <summary>Claim names of the platform's tokens, shared by the issuer and every validator.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>Kemendagri code of the officer's region ("35.78"), or a registry city id for a partner.</summary>
    public const string Region = "region";
    /// <summary>kemendagri or kemlu, for ministry reviewers.</summary>
    public const string Ministry = "ministry";
}
