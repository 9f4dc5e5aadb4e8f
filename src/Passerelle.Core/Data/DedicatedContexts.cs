using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Passerelle.Core.Data;

/// <summary>
/// Contexts made outside the pool, for the audit writer. A pooled context keeps its connection's last command, with
/// every parameter array it grew, when it goes back to the pool: after a few minutes of 512-entry audit batches the
/// pool held hundreds of them, half a megabyte each, and the node's memory climbed for as long as a batch landed on a
/// context that had not carried one yet. A context of its own goes, buffers and all, when the batch is done.
/// </summary>
public sealed class DedicatedContexts(IOptions<DatabaseOptions> options)
{
    private readonly Lazy<DbContextOptions<PasserelleDb>> built = new(() =>
    {
        var builder = new DbContextOptionsBuilder<PasserelleDb>();
        DataSetup.Configure(builder, options.Value);
        return builder.Options;
    });

    public PasserelleDb Create() => new(built.Value);
}
