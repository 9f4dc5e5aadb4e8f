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
            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "travel_documents");
        }
    }
}
