using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Purser.Engine.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InvoiceMailAndUnsubscribe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UnsubscribedAt",
                table: "Users",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AttachedInvoiceId",
                table: "Outbox",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "UnsubscribedAt",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "AttachedInvoiceId",
                table: "Outbox");
        }
    }
}
