using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Astegni.Chat.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LegacyMediaUrl : Migration
    {
        /// <inheritdoc />
        /// <remarks>
        /// A database upgraded from the legacy schema has this column already (the old backend reads and
        /// writes it): it is kept as it is, with its rows' values.
        /// </remarks>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE chat_messages ADD COLUMN IF NOT EXISTS media_url character varying(500)");
        }

        /// <inheritdoc />
        /// <remarks>
        /// Left in place: on an upgraded database it is the old backend's column, and a nullable column
        /// nothing else reads does no harm on a fresh one.
        /// </remarks>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
