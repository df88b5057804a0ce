"""The tracking screen (跟踪): the task list, its dialogs and the separate list."""
