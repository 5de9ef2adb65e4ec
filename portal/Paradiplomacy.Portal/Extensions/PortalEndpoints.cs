using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Localization;
using Paradiplomacy.Contracts.Agreements.V1;
using Paradiplomacy.Portal.Localization;

namespace Paradiplomacy.Portal.Extensions;

/// <summary>What is not a page: the language switch, signing in and out, and documents (uploaded as a
/// multipart form, downloaded as a file), each back to the page the person came from.</summary>
public static class PortalEndpoints
{
    public static void MapPortalEndpoints(this WebApplication app)
    {
        app.MapGet("/bahasa/{culture}", (string culture, string? kembali, HttpContext context) =>
        {
            if (!Languages.All.Contains(culture))
            {
                return Results.BadRequest();
            }
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Lax, HttpOnly = true, IsEssential = true });
            return Results.LocalRedirect(LocalPath(kembali));
        });

        app.MapGet("/masuk", (string? kembali) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalPath(kembali ?? "/kantor") }, [OpenIdConnectDefaults.AuthenticationScheme]));

        app.MapPost("/keluar", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]))
            .RequireAuthorization();

        // Minimal APIs check the form's antiforgery token (UseAntiforgery) before this runs.
        app.MapPost("/perjanjian/{id}/dokumen", async (string id, HttpRequest request, Agreements.AgreementsClient agreements) =>
        {
            var form = await request.ReadFormAsync();
            var file = form.Files.GetFile("file");
            var back = $"/perjanjian/{Uri.EscapeDataString(id)}";
            if (file is null || file.Length == 0)
            {
                return Results.LocalRedirect($"{back}?dokumen=kosong#dokumen");
            }
            await using var content = file.OpenReadStream();
            var upload = new UploadDocumentRequest
            {
                AgreementId = id,
                Title = form["title"].ToString(),
                Language = form["language"].ToString(),
                LegallyBinding = form["legally_binding"] == "on",
                Content = new HttpBody { ContentType = file.ContentType, Data = await ByteString.FromStreamAsync(content) },
            };
            try
            {
                await agreements.UploadDocumentAsync(upload);
                return Results.LocalRedirect($"{back}?dokumen=ok#dokumen");
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.PermissionDenied)
            {
                // The API's own words, beside the upload form.
                return Results.LocalRedirect($"{back}?dokumen=galat&pesan={Uri.EscapeDataString(error.Status.Detail)}#dokumen");
            }
        }).RequireAuthorization().WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapGet("/perjanjian/{id}/dokumen/{documentId}", async (string id, string documentId, Agreements.AgreementsClient agreements) =>
        {
            try
            {
                var body = await agreements.DownloadDocumentAsync(new DownloadDocumentRequest { AgreementId = id, DocumentId = documentId });
                return Results.File(body.Data.ToByteArray(), body.ContentType, fileDownloadName: $"{documentId}{Extension(body.ContentType)}");
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.NotFound or StatusCode.PermissionDenied)
            {
                return Results.StatusCode(error.StatusCode == StatusCode.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status403Forbidden);
            }
        }).RequireAuthorization();
    }

    /// <summary>Only paths of this site: a crafted "kembali" never sends anyone elsewhere.</summary>
    private static string LocalPath(string? path) =>
        !string.IsNullOrEmpty(path) && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal) && !path.StartsWith("/\\", StringComparison.Ordinal) ? path : "/";

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        _ => string.Empty,
    };
}
