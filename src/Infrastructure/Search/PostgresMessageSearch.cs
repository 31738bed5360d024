using Astegni.Chat.Application.Messages.SearchMessages;
using Astegni.Chat.Domain.Messages;
using Astegni.Chat.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Astegni.Chat.Infrastructure.Search;

/// <summary>
/// PostgreSQL full text over the stored <c>search_vector</c> column (<c>to_tsvector('simple', content)</c>).
/// The query uses the same 'simple' configuration, so Amharic and English words match as written,
/// and matches against the column itself, so the GIN index on it serves the search.
/// </summary>
internal sealed class PostgresMessageSearch : IMessageSearch
{
    private const string Configuration = "simple";

    public IQueryable<Message> ContainingWords(IQueryable<Message> messages, string words) =>
        messages.Where(m => EF.Property<NpgsqlTsVector>(m, MessageConfiguration.SearchVector)
            .Matches(EF.Functions.PlainToTsQuery(Configuration, words)));
}
