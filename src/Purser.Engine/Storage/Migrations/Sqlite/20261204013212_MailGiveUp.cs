using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MailGiveUp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "GaveUpAt",
                table: "Outbox",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "GaveUpAt",
                table: "Outbox");
        }
    }
}
