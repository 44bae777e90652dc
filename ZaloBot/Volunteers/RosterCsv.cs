using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ZaloBot.Conversation;

namespace ZaloBot.Volunteers;

/// <summary>A problem in a roster file, by line (1 is the header).</summary>
public sealed record RosterError(int Line, string Message);

/// <summary>What a roster file holds: its people, or the problems that keep it from being imported.</summary>
public sealed record RosterFile(IReadOnlyList<RosterEntry> Entries, IReadOnlyList<RosterError> Errors);

/// <summary>
/// Reads the roster ("danh sách, lịch phân công") as CSV: a header
/// <c>ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc</c>, then one person a line; duty dates as
/// dd/MM/yyyy separated by ";". UTF-8 with or without BOM, RFC 4180 quoting ("Nguyễn Văn A, con").
/// A file is checked whole: every line's problems are listed, and nothing of it is kept while any remain.
/// </summary>
public static partial class RosterCsv
{
    public const string Header = "ma_xa,ho_ten,chuc_vu,so_dien_thoai,ngay_truc";

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    /// <param name="communeOf">The commune code as the survey spells it, or null for an unknown code.</param>
    /// <param name="window">The survey's first and last day; a duty day outside it is a mistake.</param>
    public static RosterFile Parse(string text, Func<string, string?> communeOf, (DateOnly Opens, DateOnly Closes)? window = null)
    {
        var records = Records(text.TrimStart('\uFEFF'));
        if (records.Count == 0 || string.Join(',', records[0].Fields.Select(f => f.Trim().ToLowerInvariant())) != Header)
            return new RosterFile([], [new RosterError(1, $"Dòng tiêu đề phải là: {Header}")]);

        var entries = new List<RosterEntry>();
        var errors = new List<RosterError>();
        var seen = new Dictionary<(string Person, DateTime Day), int>();
        foreach (var (line, fields) in records.Skip(1))
        {
            var problems = new List<string>();
            var entry = Entry(fields, communeOf, problems);
            if (entry is not null)
            {
                OutsideWindow(entry, window, problems);
                Duplicates(entry, line, seen, problems);
            }
            errors.AddRange(problems.Select(p => new RosterError(line, p)));
            if (problems.Count == 0)
                entries.Add(entry!);
        }
        return new RosterFile(entries, errors);
    }

    /// <summary>
    /// A Vietnamese number as people write it (spaces, dots, dashes, +84), as 0 and nine or ten digits:
    /// a mobile (03, 05, 07, 08, 09 and 8 digits) or a landline (02 and 9 digits); null for anything else.
    /// </summary>
    public static string? VietnamesePhone(string text)
    {
        var digits = Separators().Replace(text, "");
        if (digits.StartsWith("+84", StringComparison.Ordinal))
            digits = "0" + digits[3..];
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
            digits = "0" + digits[2..];
        return PhoneNumber().IsMatch(digits) ? digits : null;
    }

    private static void OutsideWindow(RosterEntry entry, (DateOnly Opens, DateOnly Closes)? window, List<string> problems)
    {
        if (window is not var (opens, closes))
            return;
        foreach (var day in entry.DutyDates.Select(DateOnly.FromDateTime).Where(d => d < opens || d > closes))
            problems.Add($"ngày trực {Date(day)} nằm ngoài thời gian khảo sát ({Date(opens)} – {Date(closes)})");
    }

    /// <summary>The same person (name, and phone when given) twice on one day, in two lines or one.</summary>
    private static void Duplicates(RosterEntry entry, int line, Dictionary<(string, DateTime), int> seen, List<string> problems)
    {
        var person = VietnameseText.Fold(entry.Name) + "|" + entry.Phone;
        foreach (var day in entry.DutyDates)
        {
            if (seen.TryGetValue((person, day), out var first))
                problems.Add(first == line
                    ? $"ngày trực {Date(DateOnly.FromDateTime(day))} ghi hai lần"
                    : $"{entry.Name} đã có ở dòng {first} cho ngày {Date(DateOnly.FromDateTime(day))}");
            else
                seen[(person, day)] = line;
        }
    }

    private static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^(0[35789]\d{8}|02\d{9})$")]
    private static partial Regex PhoneNumber();

    private static RosterEntry? Entry(string[] fields, Func<string, string?> communeOf, List<string> problems)
    {
        if (fields.Length != 5)
        {
            problems.Add($"cần 5 cột, dòng này có {fields.Length}");
            return null;
        }
        var (code, name, position, phone, dates) = (fields[0].Trim(), fields[1].Trim(), fields[2].Trim(), fields[3].Trim(), fields[4]);
        var commune = communeOf(code);
        if (commune is null)
            problems.Add($"không có xã, thị trấn mã \"{code}\"");
        if (name.Length == 0)
            problems.Add("thiếu họ tên");
        var duty = DutyDates(dates, problems);
        var number = phone.Length == 0 ? null : VietnamesePhone(phone);
        if (phone.Length > 0 && number is null)
            problems.Add($"số điện thoại \"{phone}\" không phải số Việt Nam (ví dụ 0912345678)");
        return new RosterEntry { CommuneCode = commune ?? "", Name = name, Position = position, Phone = number, DutyDates = duty };
    }

    private static List<DateTime> DutyDates(string field, List<string> problems)
    {
        var dates = new List<DateTime>();
        foreach (var text in field.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                dates.Add(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            else
                problems.Add($"ngày trực \"{text}\" không đúng dạng dd/MM/yyyy");
        }
        return dates;
    }

    /// <summary>RFC 4180 records with the line each starts on; a quoted field may hold commas, quotes and line breaks.</summary>
    private static List<(int Line, string[] Fields)> Records(string text)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted) = (1, 1, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted && c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                field.Append(text[++i]);
            else if (c == '"')
                quoted = !quoted;
            else if (!quoted && c == ',')
                fields.Add(Take(field));
            else if (!quoted && c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                EndRecord(records, fields, field, start);
                start = ++line;
            }
            else
            {
                line += c == '\n' ? 1 : 0;
                field.Append(c);
            }
        }
        EndRecord(records, fields, field, start);
        return records;
    }

    /// <summary>Closes a record; blank lines are skipped.</summary>
    private static void EndRecord(List<(int, string[])> records, List<string> fields, StringBuilder field, int line)
    {
        fields.Add(Take(field));
        if (fields.Count > 1 || fields[0].Trim().Length > 0)
            records.Add((line, fields.ToArray()));
        fields.Clear();
    }

    private static string Take(StringBuilder field)
    {
        var value = field.ToString();
        field.Clear();
        return value;
    }
}
