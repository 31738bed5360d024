using Astegni.Chat.Domain.Messages;

namespace Astegni.Chat.Application.Messages.SearchMessages;

/// <summary>
/// Word search over message text, done by the database's full-text engine (a port: the Application
/// does not know which engine). Composes into a larger query, so the search stays one round trip.
/// </summary>
public interface IMessageSearch
{
    /// <summary>Narrows <paramref name="messages"/> to those whose text contains every word of <paramref name="words"/>.</summary>
    IQueryable<Message> ContainingWords(IQueryable<Message> messages, string words);
}
