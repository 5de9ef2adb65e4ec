using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Paradiplomacy.Contracts;

namespace Paradiplomacy.Portal.Tests.Units;

/// <summary>Every text the portal shows comes from its resource files, in both languages.</summary>
public partial class TextsTests
{
    private static readonly string Portal = Path.Combine(Hosting.RepositoryRoot.Find(), "portal", "Paradiplomacy.Portal");

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Portal, "Localization", file)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet();

    [Fact]
    public void Bahasa_Indonesia_and_English_have_the_same_texts_and_every_key_a_page_asks_for()
    {
        var indonesian = Keys("Text.resx");
        var english = Keys("Text.en.resx");
        Assert.Empty(indonesian.Except(english));
        Assert.Empty(english.Except(indonesian));

        var asked = Directory.EnumerateFiles(Path.Combine(Portal, "Components"), "*.razor", SearchOption.AllDirectories)
            .SelectMany(f => AskedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.NotEmpty(asked);
        Assert.Empty(asked.Except(indonesian));
    }

    [Fact]
    public void Every_status_kind_and_field_the_API_can_return_has_a_text()
    {
        var keys = Keys("Text.resx");
        var enums = new (string Prefix, Type Type)[]
        {
            ("AgreementStatus", typeof(Contracts.Agreements.V1.AgreementStatus)), ("AgreementKind", typeof(Contracts.Agreements.V1.AgreementKind)),
            ("Clearance", typeof(Contracts.Agreements.V1.ClearanceKind)), ("Decision", typeof(Contracts.Agreements.V1.ClearanceDecision)),
            ("Instrument", typeof(Contracts.Agreements.V1.InstrumentType)), ("CityLevel", typeof(Contracts.Registry.V1.CityLevel)),
            ("HealthBand", typeof(Contracts.Programs.V1.HealthBand)), ("ProgramStatus", typeof(Contracts.Programs.V1.ProgramStatus)),
            ("ProgramType", typeof(Contracts.Programs.V1.ProgramType)), ("MeetingMode", typeof(Contracts.Meetings.V1.MeetingMode)),
            ("Side", typeof(Contracts.Meetings.V1.Side)),
        };
        var missing = enums.SelectMany(e => Enum.GetNames(e.Type).Select(n => $"{e.Prefix}_{n}"))
            .Concat(CooperationFields.All.Select(f => $"Field_{f}"))
            .Where(k => !keys.Contains(k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_compiled_resources_answer_in_each_language()
    {
        var resources = new ResourceManager("Paradiplomacy.Portal.Localization.Text", typeof(Portal.Localization.Text).Assembly);
        Assert.Equal("Masuk", resources.GetString("SignIn", CultureInfo.GetCultureInfo("id-ID")));
        Assert.Equal("Sign in", resources.GetString("SignIn", CultureInfo.GetCultureInfo("en-GB")));
    }

    [GeneratedRegex("""L\["([A-Za-z_]+)"[,\]]""")]
    private static partial Regex AskedKey();
}
