using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Passerelle.Core.Trust.Audit;

namespace Passerelle.UnitTests.Audit;

public sealed class AuditChainTests
{
    private static AuditEntry Entry(string? target = "agency:FR-A", string? details = "name=Douane", string previous = "") => new()
    {
        Sequence = 7,
        OccurredAt = new DateTime(2026, 11, 26, 8, 30, 15, DateTimeKind.Utc).AddTicks(1230),
        EventCode = 3000,
        Operation = "agency.created",
        Outcome = Outcomes.Success,
        UserId = Guid.Parse("01a219d7-56d4-7de3-8a33-2727a33b95d7"),
        Login = "admin",
        AgencyCode = "FR-A",
        Target = target,
        Details = details,
        Source = "127.0.0.1",
        PreviousHash = previous.Length == 0 ? AuditChain.Genesis : previous,
    };

    [Fact]
    public void The_hash_is_lower_case_sha256_hex_and_stable()
    {
        var hash = AuditChain.ComputeHash(Entry());

        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, AuditChain.ComputeHash(Entry()));
    }

    [Fact]
    public void Moving_text_from_one_field_to_the_next_changes_the_hash() =>
        Assert.NotEqual(
            AuditChain.ComputeHash(Entry(target: "agency:FR-A|", details: "name=Douane")),
            AuditChain.ComputeHash(Entry(target: "agency:FR-A", details: "|name=Douane")));

    [Fact]
    public void An_empty_field_and_a_missing_field_hash_differently() =>
        Assert.NotEqual(AuditChain.ComputeHash(Entry(details: "")), AuditChain.ComputeHash(Entry(details: null)));

    [Fact]
    public void The_previous_hash_is_part_of_the_hash() =>
        Assert.NotEqual(AuditChain.ComputeHash(Entry()), AuditChain.ComputeHash(Entry(previous: new string('a', 64))));

    [Property]
    public bool Any_change_to_the_details_changes_the_hash(NonNull<string> a, NonNull<string> b) =>
        a.Get == b.Get || AuditChain.ComputeHash(Entry(details: a.Get)) != AuditChain.ComputeHash(Entry(details: b.Get));

    [Property]
    public Property Any_change_to_the_time_changes_the_hash(PositiveInt microseconds) =>
        Prop.ToProperty(AuditChain.ComputeHash(Entry()) != AuditChain.ComputeHash(new AuditEntry
        {
            Sequence = 7,
            OccurredAt = Entry().OccurredAt.AddTicks(10L * microseconds.Get),
            EventCode = 3000,
            Operation = "agency.created",
            Outcome = Outcomes.Success,
            UserId = Entry().UserId,
            Login = "admin",
            AgencyCode = "FR-A",
            Target = "agency:FR-A",
            Details = "name=Douane",
            Source = "127.0.0.1",
            PreviousHash = AuditChain.Genesis,
        }));
}
