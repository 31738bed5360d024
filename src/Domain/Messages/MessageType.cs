namespace Astegni.Chat.Domain.Messages;

public enum MessageType
{
    Text,
    Image,
    File,
    Audio,
    Video,
    Location,
    Gif,
    System,
}
