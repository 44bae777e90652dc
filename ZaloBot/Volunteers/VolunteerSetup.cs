namespace ZaloBot.Volunteers;

public static class VolunteerSetup
{
    /// <summary>Registration, the staff's chat commands, photo intake and the roster import.</summary>
    public static IHostApplicationBuilder AddVolunteers(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StaffOptions>().BindConfiguration("Staff");
        services.AddOptions<PhotoOptions>().BindConfiguration("Photos").ValidateDataAnnotations().ValidateOnStart();

        services.AddSingleton<InviteCodes>();
        services.AddSingleton<RegistrationThrottle>();
        services.AddSingleton<Registration>();
        services.AddSingleton<InviteCommands>();
        services.AddSingleton<CommuneProgress>();
        services.AddSingleton<VisitorReports>();
        services.AddSingleton<PhotoIntake>();
        services.AddSingleton<VolunteerCommands>();
        services.AddSingleton<RosterImport>();
        return builder;
    }
}
