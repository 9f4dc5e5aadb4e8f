using Microsoft.EntityFrameworkCore.Migrations;

namespace Passerelle.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// A record's owner is checked once a statement instead of once a row. The foreign key ran a query and took a lock
    /// for every row an import copied in, the largest share of PostgreSQL's work in an import; these triggers do what
    /// it did, under READ COMMITTED, for a whole statement at once: the owners are locked against deletion, a record
    /// naming no agency is refused, and an agency that owns records cannot be deleted. SQLite keeps its key, which
    /// costs it less than a trigger would. Also adds who made each record, which an import writes instead of a
    /// revision a record.
    /// </summary>
    public partial class OwnerCheckedOncePerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_travel_documents_agencies_OwnerAgencyId",
                table: "travel_documents");

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "travel_documents",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.Sql(OwnerChecks);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(DropOwnerChecks);

            migrationBuilder.Sql(CreationsAsRevisions);

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "travel_documents");

            migrationBuilder.AddForeignKey(
                name: "FK_travel_documents_agencies_OwnerAgencyId",
                table: "travel_documents",
                column: "OwnerAgencyId",
                principalTable: "agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
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

        /// <summary>
        /// Each function keeps the schema search path it was created with, as the foreign key it replaces named its
        /// table for good: a restore or a session with another search path must not check against another table.
        /// </summary>
        private const string OwnerChecks = """
            CREATE FUNCTION travel_documents_owner_exists() RETURNS trigger LANGUAGE plpgsql
                SET search_path FROM CURRENT AS $$
            BEGIN
                PERFORM 1 FROM agencies AS a
                    WHERE a."Id" IN (SELECT DISTINCT w."OwnerAgencyId" FROM written AS w) FOR KEY SHARE OF a;
                IF EXISTS (SELECT 1 FROM written AS w
                        WHERE NOT EXISTS (SELECT 1 FROM agencies AS a WHERE a."Id" = w."OwnerAgencyId")) THEN
                    RAISE foreign_key_violation USING MESSAGE =
                        'a travel document names an owner agency that does not exist';
                END IF;
                RETURN NULL;
            END
            $$;

            CREATE TRIGGER travel_documents_owner_inserted AFTER INSERT ON travel_documents
                REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION travel_documents_owner_exists();

            CREATE FUNCTION travel_documents_owner_changed() RETURNS trigger LANGUAGE plpgsql
                SET search_path FROM CURRENT AS $$
            BEGIN
                PERFORM 1 FROM agencies AS a WHERE a."Id" = NEW."OwnerAgencyId" FOR KEY SHARE OF a;
                IF NOT FOUND THEN
                    RAISE foreign_key_violation USING MESSAGE =
                        'a travel document names an owner agency that does not exist';
                END IF;
                RETURN NULL;
            END
            $$;

            CREATE TRIGGER travel_documents_owner_updated AFTER UPDATE OF "OwnerAgencyId" ON travel_documents
                FOR EACH ROW WHEN (OLD."OwnerAgencyId" IS DISTINCT FROM NEW."OwnerAgencyId")
                EXECUTE FUNCTION travel_documents_owner_changed();

            CREATE FUNCTION agencies_owner_kept() RETURNS trigger LANGUAGE plpgsql
                SET search_path FROM CURRENT AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM travel_documents AS d WHERE d."OwnerAgencyId" = OLD."Id") THEN
                    RAISE foreign_key_violation USING MESSAGE = 'the agency still owns travel documents';
                END IF;
                RETURN NULL;
            END
            $$;

            CREATE TRIGGER agencies_owner_deleted AFTER DELETE ON agencies
                FOR EACH ROW EXECUTE FUNCTION agencies_owner_kept();

            CREATE TRIGGER agencies_owner_rekeyed AFTER UPDATE OF "Id" ON agencies
                FOR EACH ROW WHEN (OLD."Id" IS DISTINCT FROM NEW."Id") EXECUTE FUNCTION agencies_owner_kept();
            """;

        private const string DropOwnerChecks = """
            DROP TRIGGER agencies_owner_rekeyed ON agencies;
            DROP TRIGGER agencies_owner_deleted ON agencies;
            DROP TRIGGER travel_documents_owner_updated ON travel_documents;
            DROP TRIGGER travel_documents_owner_inserted ON travel_documents;
            DROP FUNCTION agencies_owner_kept();
            DROP FUNCTION travel_documents_owner_changed();
            DROP FUNCTION travel_documents_owner_exists();
            """;
    }
}
