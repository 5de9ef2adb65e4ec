using Paradiplomacy.Registry.Domain;
using Paradiplomacy.ServiceDefaults.Api;
using Paradiplomacy.ServiceDefaults.Errors;

namespace Paradiplomacy.Registry.Tests.Domain;

public class PageTokenTests
{
    [Fact]
    public void Round_trips_the_offset_for_the_same_query() =>
        Assert.Equal(40, PageToken.Decode(PageToken.Encode(40, "kyoto|"), "kyoto|"));

    [Fact]
    public void Empty_token_is_the_first_page() => Assert.Equal(0, PageToken.Decode("", "x"));

    [Theory]
    [InlineData("not base64!")]
    [InlineData("MTIz")] // "123": no fingerprint
    public void Rejects_tokens_it_did_not_make(string token) =>
        Assert.Equal("page_token", Assert.Single(Assert.Throws<ValidationException>(() => PageToken.Decode(token, "q")).Violations).Field);

    [Fact]
    public void Rejects_a_token_from_another_query() =>
        Assert.Throws<ValidationException>(() => PageToken.Decode(PageToken.Encode(20, "kyoto|"), "osaka|"));
}
