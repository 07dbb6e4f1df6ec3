"""Weekly series: week keys, the timeline, the weekly report and the questions carried between weeks."""
