using System.Net;
using System.Text;
using Paradiplomacy.HostDefaults.Security;

namespace Paradiplomacy.Identity.SignIn;

/// <summary>The development provider's sign-in page: no passwords (it is never deployed), a button per
/// persona and a form for anyone else. Plain HTML with labelled fields, usable from the keyboard.</summary>
public static class SignInPage
{
    public static string Render(IEnumerable<(string Name, string Value)> request, string? error)
    {
        var hidden = new StringBuilder();
        foreach (var (name, value) in request)
        {
            hidden.Append($"<input type=\"hidden\" name=\"{name}\" value=\"{Encode(value)}\">");
        }
        var personas = new StringBuilder();
        foreach (var persona in DevelopmentPersona.All)
        {
            personas.Append($"<li><button type=\"submit\" name=\"persona\" value=\"{Encode(persona.Key)}\">{Encode(persona.Label)} <small>({Encode(persona.Name)})</small></button></li>");
        }
        var roles = string.Join(string.Empty, Roles.All.Select(r => $"<option value=\"{r}\">{r}</option>"));
        var ministries = string.Join(string.Empty, DevelopmentIdentity.Ministries.Select(m => $"<option value=\"{m}\">{m}</option>"));
        var alert = error is null ? string.Empty : $"<p role=\"alert\" class=\"error\">{Encode(error)}</p>";
        return $$"""
            <!doctype html>
            <html lang="id">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Masuk · Paradiplomacy (penyedia identitas pengembangan)</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; color: #1b1f24; padding: 0 1rem; }
              .note { background: #fff4ce; padding: .75rem; border-left: 4px solid #8a6d00; }
              ul { list-style: none; padding: 0; } li { margin: .4rem 0; }
              button { font: inherit; padding: .5rem .9rem; border: 1px solid #0b4f8a; background: #0b5cad; color: #fff; border-radius: 4px; cursor: pointer; }
              button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
              label { display: block; margin-top: .75rem; font-weight: 600; } input, select { font: inherit; padding: .35rem; }
              .error { color: #9b1c1c; font-weight: 600; }
            </style></head>
            <body>
            <h1>Masuk ke Paradiplomacy</h1>
            <p class="note">Penyedia identitas pengembangan: tanpa kata sandi, tidak pernah dipasang di produksi.
            <span lang="en">(Development identity provider: no passwords, never deployed.)</span></p>
            {{alert}}
            <form method="post" action="/connect/authorize">
              {{hidden}}
              <h2>Masuk sebagai</h2>
              <ul>{{personas}}</ul>
              <h2>Atau isi sendiri</h2>
              <label for="role">Peran (role)</label><select id="role" name="role">{{roles}}</select>
              <label for="region">Kode wilayah Kemendagri (mis. 35.78)</label><input id="region" name="region" inputmode="decimal">
              <label for="ministry">Kementerian</label><select id="ministry" name="ministry"><option value="">—</option>{{ministries}}</select>
              <label for="name">Nama</label><input id="name" name="name" autocomplete="name">
              <p><button type="submit" name="persona" value="">Masuk</button></p>
            </form>
            </body></html>
            """;
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
