"""Times, ranges, durations and dates as people write them, found in free text.

Used by the agenda readers and by anything that converts times quoted in a message.
"""
