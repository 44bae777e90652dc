namespace Reporting.Exports;

/// <summary>Column labels shared by several exports. QCDC's own wording is kept to the letter.</summary>
internal static class ExportLabels
{
    public const string CommuneCode = "Mã xã";
    public const string CommuneName = "Tên xã, phường, thị trấn";
    public const string QuestionId = "Mã câu hỏi";
    public const string Question = "Câu hỏi";
}
