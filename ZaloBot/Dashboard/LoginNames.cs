using System.Security.Cryptography;

namespace ZaloBot.Dashboard;

/// <summary>
/// Login names for the dashboard's sign-in page: "cb" and four random characters, so that knowing
/// one name tells nothing about the next. Characters that read alike on a phone (0/o, 1/l/i) are left
/// out, because an official types the name from a chat message.
/// </summary>
public static class LoginNames
{
    public const string Prefix = "cb";
    public const int RandomLength = 4;

    /// <summary>Lowercase letters and digits without 0, o, 1, l and i.</summary>
    public const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string New() => Prefix + new string(RandomNumberGenerator.GetItems<char>(Alphabet, RandomLength));

    /// <summary>A new name that <paramref name="taken"/> says nobody has.</summary>
    public static string NewUnused(Func<string, bool> taken)
    {
        string name;
        do
            name = New();
        while (taken(name));
        return name;
    }
}
