using System.Net;
using Passerelle.Core.Notifications;

namespace Passerelle.UnitTests.Notifications;

/// <summary>Ranges from the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and its updates).</summary>
public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("127.0.0.1")] // loopback, RFC 1122
    [InlineData("127.255.255.254")]
    [InlineData("10.0.0.1")] // private, RFC 1918
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")] // link-local, RFC 3927: cloud metadata services
    [InlineData("100.64.0.1")] // shared address space, RFC 6598
    [InlineData("100.127.255.255")]
    [InlineData("0.0.0.0")] // unspecified / "this network"
    [InlineData("224.0.0.1")] // multicast
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")] // limited broadcast
    [InlineData("192.0.0.8")] // IETF protocol assignments
    [InlineData("198.18.0.1")] // benchmarking, RFC 2544
    [InlineData("::1")] // IPv6 loopback
    [InlineData("::")] // IPv6 unspecified
    [InlineData("fe80::1")] // link-local fe80::/10
    [InlineData("febf::1")]
    [InlineData("fc00::1")] // unique-local fc00::/7
    [InlineData("fd12:3456:789a::1")]
    [InlineData("ff02::1")] // multicast
    [InlineData("fec0::1")] // deprecated site-local
    [InlineData("::ffff:127.0.0.1")] // IPv4-mapped forms of refused IPv4 addresses
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("::127.0.0.1")] // deprecated IPv4-compatible form
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 (RFC 6052) of 169.254.169.254
    [InlineData("64:ff9b::7f00:1")] // NAT64 of 127.0.0.1
    [InlineData("2002:7f00:1::1")] // 6to4 (RFC 3056) of 127.0.0.1
    [InlineData("2002:a9fe:a9fe::1")] // 6to4 of 169.254.169.254
    [InlineData("2001:0:4136:e378::1")] // Teredo (RFC 4380), 2001::/32
    [InlineData("64:ff9b:1::a00:1")] // NAT64 local-use prefix (RFC 8215)
    public void Addresses_of_this_machine_and_private_networks_are_refused(string address) =>
        Assert.True(WebhookAddress.IsRefused(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")] // just past 172.16/12
    [InlineData("172.15.255.255")] // just before it
    [InlineData("100.128.0.1")] // just past 100.64/10
    [InlineData("100.63.255.255")]
    [InlineData("169.253.1.1")]
    [InlineData("223.255.255.255")] // last unicast before multicast
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:93.184.215.14")] // IPv4-mapped public address
    [InlineData("64:ff9b::808:808")] // NAT64 of 8.8.8.8
    [InlineData("2002:808:808::1")] // 6to4 of 8.8.8.8
    public void Public_addresses_are_allowed(string address) =>
        Assert.False(WebhookAddress.IsRefused(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("http://hooks.example.org/x", "webhook.url-scheme")]
    [InlineData("ftp://hooks.example.org/x", "webhook.url-scheme")]
    [InlineData("file:///etc/passwd", "webhook.url")]
    [InlineData("/relative/path", "webhook.url")]
    [InlineData("", "webhook.url")]
    [InlineData("https://user:secret@hooks.example.org/x", "webhook.url-userinfo")]
    [InlineData("https://127.0.0.1:9/x", "webhook.url-address")]
    [InlineData("http://127.0.0.1:9/x", "webhook.url-scheme")]
    [InlineData("https://169.254.169.254/", "webhook.url-address")]
    [InlineData("https://[::1]/", "webhook.url-address")]
    [InlineData("https://[::ffff:127.0.0.1]/", "webhook.url-address")]
    [InlineData("https://[fe80::1]/", "webhook.url-address")]
    [InlineData("https://10.0.0.8/", "webhook.url-address")]
    [InlineData("https://2130706433/", "webhook.url-address")] // 127.0.0.1 as one decimal number
    [InlineData("https://0x7f.1/", "webhook.url-address")] // 127.0.0.1 in hexadecimal shorthand
    [InlineData("https://0/", "webhook.url-address")]
    [InlineData("https://localhost/", "webhook.url-address")]
    [InlineData("https://LOCALHOST./", "webhook.url-address")]
    [InlineData("https://api.localhost/", "webhook.url-address")]
    public void A_url_that_could_reach_inside_is_refused_under_the_default_settings(string url, string code)
    {
        var result = WebhookAddress.CheckUrl(url, new WebhookSettings());

        Assert.False(result.Succeeded, url);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal(["url"], result.Error.Fields!.Keys);
    }

    [Theory]
    [InlineData("https://hooks.example.org/passerelle")]
    [InlineData("https://93.184.215.14:8443/x")]
    [InlineData("https://[2606:4700:4700::1111]/x")]
    public void An_https_url_to_a_public_host_is_accepted(string url) =>
        Assert.True(WebhookAddress.CheckUrl(url, new WebhookSettings()).Succeeded, url);

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("https://127.0.0.1/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("http://Receiver.Internal./hook")]
    [InlineData("http://[::1]:5000/hook")]
    public void An_allow_listed_host_may_use_plain_http_and_a_local_address(string url)
    {
        var settings = new WebhookSettings();
        foreach (var host in new[] { "127.0.0.1", "localhost", "receiver.internal", "[::1]" })
        {
            settings.AllowedHosts.Add(host);
        }

        Assert.True(WebhookAddress.CheckUrl(url, settings).Succeeded, url);
    }

    [Fact]
    public void Allow_listing_one_loopback_name_allows_no_other()
    {
        var settings = new WebhookSettings();
        settings.AllowedHosts.Add("127.0.0.1");

        Assert.Equal("webhook.url-scheme", WebhookAddress.CheckUrl("http://localhost:5000/", settings).Error?.Code);
        Assert.Equal("webhook.url-address", WebhookAddress.CheckUrl("https://127.0.0.2/", settings).Error?.Code);
        Assert.False(settings.IsAllowListed("::ffff:127.0.0.1"));
    }
}
