"""Comments as readers see them under an article: each top-level comment with its
replies. Replies go one level deep (a reply answers a top-level comment, see
CommentForm.clean_parent), so the thread is two lists, not a tree to walk.

Plain Python on comments already fetched, so the page model can use it and stays
free of the comment rules, forms and e-mails of blog.comments."""


class Thread(list):
    """The top-level comments, and in `total` the number shown, replies included."""

    total = 0


def thread(comments):
    """The top-level comments, each with its `approved_replies`, in the given order.

    `comments` are one article's approved comments, oldest first; a reply whose
    parent is not among them is left out, as its parent is not shown either."""
    replies = {}
    for comment in comments:
        if comment.parent_id:
            replies.setdefault(comment.parent_id, []).append(comment)
    top_level = Thread(comment for comment in comments if not comment.parent_id)
    for comment in top_level:
        comment.approved_replies = replies.get(comment.pk, [])
        top_level.total += 1 + len(comment.approved_replies)
    return top_level
