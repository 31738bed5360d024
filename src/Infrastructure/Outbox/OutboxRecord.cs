namespace Astegni.Chat.Infrastructure.Outbox;

/// <summary>
/// A row of <c>chat_outbox</c>: something a committed command has to tell (a notification or a hub push),
/// until the dispatcher has published it. <see cref="AvailableAt"/> is when it may next be claimed: the commit
/// (the database's clock), the end of a dispatcher's claim, or a retry after a failure. <see cref="WrittenBy"/> is
/// the service instance whose command wrote it: that instance publishes it, others only once it is overdue.
/// </summary>
public sealed class OutboxRecord
{
    public OutboxRecord(string type, string payload, Guid writtenBy)
    {
        Type = type;
        Payload = payload;
        WrittenBy = writtenBy;
    }

    public long Id { get; private set; }
    public string Type { get; private set; }
    public string Payload { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset AvailableAt { get; private set; }
    public int Attempts { get; private set; }
    public Guid WrittenBy { get; private set; }
}
