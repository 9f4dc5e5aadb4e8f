using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccountsAndPerOwnerRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_travel_documents_IssuingState_Type_NormalizedNumber",
                table: "travel_documents");

            migrationBuilder.AddColumn<bool>(
                name: "MustChangePassword",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_travel_documents_IssuingState_Type_NormalizedNumber_OwnerAgencyId",
                table: "travel_documents",
                columns: new[] { "IssuingState", "Type", "NormalizedNumber", "OwnerAgencyId" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_travel_documents_IssuingState_Type_NormalizedNumber_OwnerAgencyId",
                table: "travel_documents");

            migrationBuilder.DropColumn(
                name: "MustChangePassword",
                table: "AspNetUsers");

            migrationBuilder.CreateIndex(
                name: "IX_travel_documents_IssuingState_Type_NormalizedNumber",
                table: "travel_documents",
                columns: new[] { "IssuingState", "Type", "NormalizedNumber" },
                unique: true,
                filter: "\"DeletedAt\" IS NULL");
        }
    }
}
