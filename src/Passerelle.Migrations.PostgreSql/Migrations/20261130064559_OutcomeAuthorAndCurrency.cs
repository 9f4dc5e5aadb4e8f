using System;
using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OutcomeAuthorAndCurrency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<decimal>(
                name: "EstimatedValue",
                table: "authentication_requests",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(14,2)",
                oldPrecision: 14,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Currency",
                table: "authentication_requests",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeBy",
                table: "authentication_requests",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "OutcomeUserId",
                table: "authentication_requests",
                type: "uuid",
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

            migrationBuilder.AlterColumn<decimal>(
                name: "EstimatedValue",
                table: "authentication_requests",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(18,4)",
                oldPrecision: 18,
                oldScale: 4,
                oldNullable: true);
        }
    }
}
