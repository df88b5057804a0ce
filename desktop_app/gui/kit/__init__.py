"""The shared GUI kit: widgets, dialogs, labels, the operation runner, the error
presenter, printing and text formatting."""
