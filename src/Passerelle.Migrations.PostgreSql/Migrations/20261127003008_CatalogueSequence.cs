using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ChangeSequence",
                table: "product_sheets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ChangeSequence",
                table: "alerts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateIndex(
                name: "IX_product_sheets_ChangeSequence",
                table: "product_sheets",
                column: "ChangeSequence");

            migrationBuilder.CreateIndex(
                name: "IX_alerts_ChangeSequence",
                table: "alerts",
                column: "ChangeSequence");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_product_sheets_ChangeSequence",
                table: "product_sheets");

            migrationBuilder.DropIndex(
                name: "IX_alerts_ChangeSequence",
                table: "alerts");

            migrationBuilder.DropColumn(
                name: "ChangeSequence",
                table: "product_sheets");

            migrationBuilder.DropColumn(
                name: "ChangeSequence",
                table: "alerts");
        }
    }
}
