using Smooth.Cli;

return await CliApp.RunAsync(args);
