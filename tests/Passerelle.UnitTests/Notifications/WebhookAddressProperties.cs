using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Notifications;

namespace Passerelle.UnitTests.Notifications;

/// <summary>
/// No webhook reaches an internal address, whichever form the address is written in. The refused IPv4 ranges are
/// written out here from the IANA special-purpose registry (RFC 6890, 1918, 6598, 3927, 2544), apart from the code.
/// </summary>
public sealed class WebhookAddressProperties
{
    private static readonly Gen<byte[]> Ipv4 = Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i), 4)
        // Half the draws start in a refused range, so both answers are exercised often.
        .Zip(Gen.Elements<byte?>(null, 0, 10, 100, 127, 169, 172, 192, 198, 224, 255), (b, first) =>
        {
            if (first is { } f)
            {
                b[0] = f;
            }

            return b;
        });

    private static bool Internal(byte[] b) =>
        b[0] is 0 or 10 or 127 || b[0] >= 224
        || (b[0] == 100 && b[1] is >= 64 and <= 127)
        || (b[0] == 169 && b[1] == 254)
        || (b[0] == 172 && b[1] is >= 16 and <= 31)
        || (b[0] == 192 && b[1] == 168)
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)
        || (b[0] == 198 && b[1] is 18 or 19);

    private static IEnumerable<IPAddress> Forms(byte[] v4)
    {
        yield return new IPAddress(v4);
        yield return new IPAddress(v4).MapToIPv6();
        byte[] nat64 = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, .. v4];
        yield return new IPAddress(nat64);
        byte[] sixToFour = [0x20, 0x02, .. v4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        yield return new IPAddress(sixToFour);
    }

    [Property(MaxTest = 10_000)]
    public Property An_internal_IPv4_address_is_refused_in_every_form_and_a_public_one_in_none() =>
        Prop.ForAll(Ipv4.ToArbitrary(), v4 =>
            Forms(v4).All(form => WebhookAddress.IsRefused(form) == Internal(v4)));

    [Property(MaxTest = 10_000)]
    public Property Registration_under_the_default_settings_refuses_every_internal_literal() =>
        Prop.ForAll(Ipv4.ToArbitrary(), v4 =>
            Forms(v4).All(form =>
            {
                var host = form.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{form}]" : form.ToString();
                var checkedUrl = WebhookAddress.CheckUrl($"https://{host}/hook", new WebhookSettings());
                return checkedUrl.Succeeded != Internal(v4);
            }));
}
