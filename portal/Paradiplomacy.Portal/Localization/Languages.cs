namespace Paradiplomacy.Portal.Localization;

/// <summary>The portal's languages: Bahasa Indonesia first and by default, English by the switch.</summary>
public static class Languages
{
    public const string Indonesian = "id-ID";
    public const string English = "en-GB";

    public static readonly string[] All = [Indonesian, English];
}
