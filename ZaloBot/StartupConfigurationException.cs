namespace ZaloBot;

/// <summary>A setting the service cannot start with; its message is the one line the operator reads.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);
