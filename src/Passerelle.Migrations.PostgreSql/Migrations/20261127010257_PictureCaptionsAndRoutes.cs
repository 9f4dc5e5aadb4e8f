using Microsoft.EntityFrameworkCore.Migrations;


namespace Passerelle.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PictureCaptionsAndRoutes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Caption",
                table: "pictures",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Counterfeit",
                table: "pictures",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Route",
                table: "authentication_requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Caption",
                table: "pictures");

            migrationBuilder.DropColumn(
                name: "Counterfeit",
                table: "pictures");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "authentication_requests");
        }
    }
}
