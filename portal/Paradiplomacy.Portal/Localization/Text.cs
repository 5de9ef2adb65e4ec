namespace Paradiplomacy.Portal.Localization;

/// <summary>The portal's texts: Resources/Text.resx (Bahasa Indonesia) and Resources/Text.en.resx (English).
/// Components ask IStringLocalizer&lt;Text&gt; by key.</summary>
public sealed class Text;
