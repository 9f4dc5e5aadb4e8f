using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutcomeAuthorAndCurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "authentication_requests",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeBy",
                table: "authentication_requests",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OutcomeUserId",
                table: "authentication_requests",
                type: "TEXT",
                nullable: true);

            // Values recorded before currencies were entered through a form labelled "Estimated value (EUR)".
            migrationBuilder.Sql(
                "UPDATE authentication_requests SET \"Currency\" = 'EUR' WHERE \"EstimatedValue\" IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Currency",
                table: "authentication_requests");

            migrationBuilder.DropColumn(
                name: "OutcomeBy",
                table: "authentication_requests");

            migrationBuilder.DropColumn(
                name: "OutcomeUserId",
                table: "authentication_requests");
        }
    }
}
