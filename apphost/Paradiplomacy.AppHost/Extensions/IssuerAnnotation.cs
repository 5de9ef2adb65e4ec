namespace Paradiplomacy.AppHost.Extensions;

/// <summary>The issuer URL a development identity resource signs with and services discover.</summary>
public sealed record IssuerAnnotation(string Issuer) : IResourceAnnotation;
