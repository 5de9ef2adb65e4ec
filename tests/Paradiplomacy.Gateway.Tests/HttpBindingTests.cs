using Paradiplomacy.Gateway.Docs;

namespace Paradiplomacy.Gateway.Tests;

public class HttpBindingTests
{
    private static readonly List<HttpBinding> Bindings = HttpBinding.Of(GatewayConfiguration.Contracts).ToList();

    private static string? MethodFor(string verb, string path) =>
        Bindings.SingleOrDefault(b => b.Verb == verb && b.PathPattern.IsMatch(path))?.Method.Name;

    [Theory]
    [InlineData("get", "/api/v1/cities/idn-35.78", "GetCity")]
    [InlineData("get", "/api/v1/cities/idn-35.78:suggestPartners", "SuggestPartners")]
    [InlineData("get", "/api/v1/cities", "ListCities")]
    [InlineData("patch", "/api/v1/cities/gn-2644210", "UpdateCityProfile")]
    [InlineData("get", "/api/v1/agreements:countActive", "CountActivePartnerships")]
    [InlineData("post", "/api/v1/agreements/0f8fad5b-d9cb-469f-a165-70867728950e:sign", "SignAgreement")]
    [InlineData("get", "/api/v1/agreements/a1/documents/d1:download", "DownloadDocument")]
    public void A_rest_call_is_named_by_the_one_contract_method_it_reaches(string verb, string path, string method) =>
        Assert.Equal(method, MethodFor(verb, path));

    [Theory]
    [InlineData("get", "/api/v1/cities/a/b")]
    [InlineData("delete", "/api/v1/cities/idn-35.78")]
    [InlineData("get", "/api/v1/cities/idn-35.78:unknownVerb")]
    public void Paths_no_method_declares_match_nothing(string verb, string path) => Assert.Null(MethodFor(verb, path));
}
