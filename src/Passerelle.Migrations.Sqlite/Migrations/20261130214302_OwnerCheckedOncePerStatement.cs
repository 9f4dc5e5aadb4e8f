using Microsoft.EntityFrameworkCore.Migrations;

namespace Passerelle.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Who made each record, which an import writes instead of a revision a record. On PostgreSQL this migration also
    /// checks owners once a statement; SQLite keeps the foreign key, which costs it less than a trigger would.
    /// </summary>
    public partial class OwnerCheckedOncePerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "travel_documents",
                type: "TEXT",
                maxLength: 256,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreationsAsRevisions);

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "travel_documents");
        }

        /// <summary>
        /// Going back, an imported record's creation becomes a revision again, as the code before this migration
        /// shows a record's history from its revisions alone.
        /// </summary>
        private const string CreationsAsRevisions = """
            INSERT INTO travel_document_revisions ("DocumentId", "Version", "ChangedAt", "ChangedBy", "Kind", "Changes")
            SELECT d."Id", 1, d."CreatedAt", d."CreatedBy", 'created', 'imported (created)' FROM travel_documents AS d
            WHERE d."CreatedBy" IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM travel_document_revisions AS r WHERE r."DocumentId" = d."Id" AND r."Version" = 1);
            """;
    }
}
